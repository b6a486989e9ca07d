/** The pages of a deployment, in sidebar order, with their `g <key>` shortcut. */
export const navItems = [
  { href: '/health', label: 'Health', key: 'h' },
  { href: '/data', label: 'Data', key: 'd' },
  { href: '/schema', label: 'Schema', key: 's' },
  { href: '/functions', label: 'Functions', key: 'f' },
  { href: '/logs', label: 'Logs', key: 'l' },
  { href: '/settings', label: 'Settings', key: 'e' },
] as const;
