// Placeholder so the e2e jest project runs; the lead replaces it with the real harness.
export default async function (): Promise<void> {}
