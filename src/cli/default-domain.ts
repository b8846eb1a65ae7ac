import { UsageError } from "./usage-error.js";

/**
 * The value of `--default-domain`: a domain name such as `contoso.com` or `contoso.onmicrosoft.com`.
 * Only what cannot be a domain is refused (empty, spaces, `@`, a leading or trailing dot); provex does not
 * check that the tenant has verified it.
 */
export function defaultDomainOption(value: string | undefined): { defaultDomain?: string } {
  if (value === undefined) return {};
  if (!/^[^\s@.][^\s@]*$/u.test(value) || value.endsWith(".")) {
    throw new UsageError(
      `--default-domain takes a domain name such as contoso.com, not ${JSON.stringify(value.slice(0, 60))}`,
    );
  }
  return { defaultDomain: value };
}
