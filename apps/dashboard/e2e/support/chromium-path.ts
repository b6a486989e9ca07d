/** The Chromium the end-to-end test drives: `CHROMIUM_PATH`, else Debian's `apt-get install chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
