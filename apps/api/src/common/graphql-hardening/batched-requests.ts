/**
 * HTTP batching (a JSON array of operations in one POST) stays off: one request, one operation. Apollo answers an
 * array body with 400 BAD_REQUEST "Operation batching disabled." and runs none of it, so no batch can multiply the
 * per-operation limits (depth, aliases, tokens, cost) or the login rate limit by its length. A client that wants
 * several root fields asks for them in one operation, where the limits see them all.
 */
export const ALLOW_BATCHED_HTTP_REQUESTS = false;
