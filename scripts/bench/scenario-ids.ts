// The six scenarios' names, apart from the scenarios themselves (scenarios.ts) so that the report's pure code and its
// unit tests load without the stack's libraries.
export const SCENARIO_IDS = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
