// Plain JavaScript, so server.mjs can use it without a build step.

/**
 * The client address we can trust. With no proxies of our own in front (hops = 0), the socket's peer;
 * with `hops` trusted proxies, the address the outermost of them saw: the hops-th entry of
 * X-Forwarded-For from the right. Entries further left are whatever the client claimed.
 * @param {string} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 * @returns {string}
 */
export function trustedClientAddress(socketAddress, forwardedFor, hops) {
  if (hops <= 0) return socketAddress;
  const chain = String(forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops] : socketAddress;
}
