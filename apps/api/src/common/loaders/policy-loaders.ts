// Batched reads of the policy track's read model, per request (like every loader here). They return rows as stored;
// what a viewer may see of them is decided by the field resolvers (policy/shared/policy-visibility.ts) and the scoped
// loaders built per request from the viewer (request-scoped.ts).
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { PolicyRowsRepository } from './policy-rows.repository';

export function createPolicyLoaders(db: DataSource) {
  const rows = new PolicyRowsRepository(db);
  const many = <T>(read: (ids: readonly string[]) => Promise<T[]>, key: keyof T) =>
    new DataLoader<string, T[]>(async (ids) => {
      const found = await read(ids);
      return ids.map((id) => found.filter((row) => row[key] === id));
    });
  const one = <T extends { id: string }>(read: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = new Map((await read(ids)).map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  return {
    issue: one((ids) => rows.issuesByIds(ids)),
    proposal: one((ids) => rows.proposalsByIds(ids)),
    meeting: one((ids) => rows.meetingsByIds(ids)),
    action: one((ids) => rows.actionsByIds(ids)),
    areasOfIssue: many((ids) => rows.areasOfIssues(ids), 'issueId'),
    linksOfIssue: many((ids) => rows.linksOfIssues(ids), 'issueId'),
    linksOfReferral: many((ids) => rows.linksOfReferrals(ids), 'referralId'),
    proposalsOfIssue: many((ids) => rows.proposalsOfIssues(ids), 'issueId'),
    eventsOfIssue: many((ids) => rows.eventsOfIssues(ids), 'issueId'),
    agendaOfProposal: many((ids) => rows.agendaOfProposals(ids), 'proposalId'),
    agendaOfMeeting: many((ids) => rows.agendaOfMeetings(ids), 'meetingId'),
    actionsOfProposal: many((ids) => rows.actionsOfProposals(ids), 'proposalId'),
  };
}
