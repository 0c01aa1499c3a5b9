// The two small pages a visitor may see instead of a redirect. Static text: nothing from the request.

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>body{font-family:system-ui,sans-serif;color:#222;display:grid;place-items:center;min-height:90vh;margin:0}main{max-width:28rem;padding:1.5rem;text-align:center}h1{font-size:1.4rem}p{color:#555}</style></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

export const notFoundPage = page(
  'Link not found',
  'There is no link at this address. Check it for a typo, or ask the person who shared it for a new one.',
);

export const gonePage = page(
  'This link is no longer active',
  'The person who shared it has turned it off or it has expired. Ask them for a current link.',
);

export const unavailablePage = page(
  'Please try again',
  'This link could not be opened just now. Try again in a moment.',
);
