// Coupon and deal sites (T6): a redemption referred by one of these means the code is listed publicly.
// Maintained by hand; add a site when a brand reports one. Subdomains match (www., uk., …).

/** Sites matched on the exact domain (and its subdomains). */
export const couponSiteDomains: readonly string[] = [
  'retailmenot.com',
  'joinhoney.com',
  'honey.com',
  'couponfollow.com',
  'dealspotr.com',
  'knoji.com',
  'slickdeals.net',
  'wethrift.com',
  'couponbirds.com',
  'groupon.com',
  'offers.com',
  'rakuten.com',
  'dontpayfull.com',
  'coupons.com',
  'couponcabin.com',
  'couponchief.com',
  'savings.com',
  'goodshop.com',
  'hotdeals.com',
  'promocodes.com',
  'simplycodes.com',
  'capitaloneshopping.com',
  'karmanow.com',
  'dealcatcher.com',
  'vouchercodes.co.uk',
  'vouchercloud.com',
  'myvouchercodes.co.uk',
  'latestdeals.co.uk',
  'hotukdeals.com',
  'mydealz.de',
  'gutscheine.de',
  'igraal.com',
  'cuponation.com',
  'topcashback.com',
  'befrugal.com',
];

/** Brands that run the same site under several country domains (groupon.co.uk, retailmenot.ca …). */
const anyCountryBrands = ['retailmenot', 'groupon', 'rakuten', 'cuponation', 'vouchercodes', 'wethrift'];

/**
 * Whether a referrer host is a coupon or deal site.
 * @example isCouponSite('www.RetailMeNot.com') // true
 */
export function isCouponSite(domain: string | null | undefined): boolean {
  if (!domain) return false;
  const host = domain.trim().toLowerCase().replace(/\.$/, '');
  if (couponSiteDomains.some((d) => host === d || host.endsWith(`.${d}`))) return true;
  const labels = host.split('.');
  // brand.tld or brand.co.tld (with any subdomain before it)
  return labels.some(
    (label, i) => anyCountryBrands.includes(label) && i >= labels.length - 3 && i < labels.length - 1,
  );
}
