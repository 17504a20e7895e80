/** Request headers the proxy sets for the server code behind it (it overwrites any a client sends). */
export const PATH_HEADER = "x-nledp-path";
