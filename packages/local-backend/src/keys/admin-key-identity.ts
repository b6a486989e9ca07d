/**
 * Who an admin key speaks for, as the reference's `AdminKey.identity` oneof:
 * - `member`: a person with admin rights. `memberId` is a uint64; `0n` is the generic admin that
 *   the self-hosted `generate_admin_key.sh` mints;
 * - `system`: the backend itself (the reference's "system key"): internal work done "by Convex".
 *   The reference treats it as a separate identity, not as an admin.
 *
 * @example
 * ```ts
 * const admin: AdminKeyIdentity = { kind: 'member', memberId: 0n };
 * const system: AdminKeyIdentity = { kind: 'system' };
 * ```
 */
export type AdminKeyIdentity =
  { readonly kind: 'member'; readonly memberId: bigint } | { readonly kind: 'system' };
