export function trustedClientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, hops: number): string;
