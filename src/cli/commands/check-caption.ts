// `troupe check-caption`: check a caption against a program's brief, or the default disclosure rules (B3).
import { type Command, isFlagSet, rejectExtraArguments, requiredOption, stringOption } from '../command';

export const checkCaptionCommand: Command = {
  name: 'check-caption',
  summary: 'Check a caption: disclosure, mentions, forbidden terms, competitors',
  synopsis: 'check-caption --platform <p> --caption-file <f|-> [--program <id|slug>]',
  help: `Usage: troupe check-caption --platform <platform> --caption-file <file|-> [options]

Checks a caption the way Troupe checks every draft: a disclosure (#ad, #sponsored, "paid partnership",
#anzeige, …) present and, on Instagram, within the first 125 characters; with --program, also the
program's standing brief (required mentions, forbidden words, competitors, tracking link or code).
Prints one line per rule with its result and where in the caption it points. Nothing is written.

Options:
  --platform <platform>   instagram, tiktok, youtube or other (required)
  --caption-file <file>   The caption as a text file; - reads standard input (required)
  --program <id|slug>     Check against this program's current standing brief and its competitors
                          (reads the database: TROUPE_DATA_DIR or DATABASE_URL)
  --json                  Print {passed, rules: [{id, passed, severity, message, span?}]} as JSON
  -h, --help              Show this help

Exit status: 0 when every must rule passes, 1 when a must rule fails, 2 for invalid input (the
message names the option) or an unknown program.

Examples:
  troupe check-caption --platform instagram --caption-file caption.txt
  pbpaste | troupe check-caption --platform instagram --caption-file - --program glow-circle-ambassadors
  troupe check-caption --platform tiktok --caption-file caption.txt --json
`,
  options: {
    platform: { type: 'string' },
    'caption-file': { type: 'string' },
    program: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, ctx) {
    rejectExtraArguments('check-caption', args);
    const request = {
      platform: requiredOption('check-caption', args, 'platform', 'platform'),
      captionFile: requiredOption('check-caption', args, 'caption-file', 'file|-'),
      program: stringOption(args, 'program'),
      json: isFlagSet(args, 'json'),
    };
    const { checkCaptionFile } = await import('../tasks/check-caption-file');
    return checkCaptionFile(request, ctx);
  },
};
