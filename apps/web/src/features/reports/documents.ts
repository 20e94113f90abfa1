import { graphql } from '../../shared/graphql/generated';

export const ReportCountFieldsFragment = graphql(`
  fragment ReportCountFields on ReportCount {
    count
    display
    suppressed
  }
`);

export const DurationFieldsFragment = graphql(`
  fragment DurationFields on DurationSummary {
    count {
      ...ReportCountFields
    }
    medianHours
    p90Hours
    medianBusinessDays
    p90BusinessDays
  }
`);

/** The figures of one report family call each, in one request. The roles' figures differ (docs/REPORTS.md "Who sees
 * what"): `$city` asks for the city's figures (not a partner's), `$partnerLoad` for the partners' load (tier-1, admin). */
export const ReportsPageDocument = graphql(`
  query ReportsPage($filter: ReportFilter!, $city: Boolean!, $partnerLoad: Boolean!) {
    areas {
      code
      name
    }
    needsReport(filter: $filter) {
      ...NeedsFigures
    }
    outcomesReport(filter: $filter) {
      ...OutcomesFigures
    }
    answerTimesReport(filter: $filter) @include(if: $city) {
      ...AnswerTimesFigures
    }
    offersReport(filter: $filter) @include(if: $city) {
      ...OffersFigures
    }
    gapsReport(filter: $filter) @include(if: $city) {
      ...GapsFigures
    }
    policyTrackReport(filter: $filter) @include(if: $city) {
      ...PolicyTrackFigures
    }
    partnerLoadReport(filter: $filter) @include(if: $partnerLoad) {
      partners {
        organizationId
        organizationName
        offers
        accepted
        declined
        expired
        completed
        openNow
        answerMedianHours
        answerP90Hours
        answerMedianBusinessDays
        answerP90BusinessDays
      }
    }
  }
`);

/** The monthly report (月次報告): one month's figures, suppressed together by the api. */
export const MonthlyReportDocument = graphql(`
  query MonthlyReport($month: String!) {
    monthlyReport(month: $month) {
      month
      title
      needs {
        ...NeedsFigures
      }
      outcomes {
        ...OutcomesFigures
      }
      answerTimes {
        ...AnswerTimesFigures
      }
      offers {
        ...OffersFigures
      }
      gaps {
        ...GapsFigures
      }
      policyTrack {
        ...PolicyTrackFigures
      }
    }
  }
`);

export const NeedsFiguresFragment = graphql(`
  fragment NeedsFigures on NeedsReport {
    period {
      from
      to
      months
    }
    total {
      ...ReportCountFields
    }
    cells {
      area {
        code
        name
      }
      category
      month
      count {
        ...ReportCountFields
      }
    }
    byArea {
      area {
        code
        name
      }
      count {
        ...ReportCountFields
      }
    }
    byCategory {
      category
      count {
        ...ReportCountFields
      }
    }
    byMonth {
      month
      count {
        ...ReportCountFields
      }
    }
    bySubjectKind {
      subjectKind
      count {
        ...ReportCountFields
      }
    }
  }
`);

export const OutcomesFiguresFragment = graphql(`
  fragment OutcomesFigures on OutcomesReport {
    total {
      ...ReportCountFields
    }
    byResult {
      status
      outcome
      count {
        ...ReportCountFields
      }
    }
    escalated {
      ...ReportCountFields
    }
    linkedToRegionalIssue {
      ...ReportCountFields
    }
  }
`);

export const AnswerTimesFiguresFragment = graphql(`
  fragment AnswerTimesFigures on AnswerTimesReport {
    overall {
      measure
      time {
        ...DurationFields
      }
    }
  }
`);

export const OffersFiguresFragment = graphql(`
  fragment OffersFigures on OffersReport {
    offers {
      ...ReportCountFields
    }
    accepted {
      ...ReportCountFields
    }
    declined {
      ...ReportCountFields
    }
    declinedByReason {
      reason
      count {
        ...ReportCountFields
      }
    }
    expired {
      ...ReportCountFields
    }
    other {
      ...ReportCountFields
    }
    open {
      ...ReportCountFields
    }
    shareAccepted
    triedBeforeAcceptance {
      tried
      count {
        ...ReportCountFields
      }
    }
  }
`);

export const GapsFiguresFragment = graphql(`
  fragment GapsFigures on GapsReport {
    unmatchedTotal {
      ...ReportCountFields
    }
    escalatedTotal {
      ...ReportCountFields
    }
    cells {
      area {
        code
        name
      }
      category
      unmatched {
        ...ReportCountFields
      }
      escalated {
        ...ReportCountFields
      }
      partnersAccepting
      partners {
        id
        name
        acceptingReferrals
      }
    }
  }
`);

export const PolicyTrackFiguresFragment = graphql(`
  fragment PolicyTrackFigures on PolicyTrackReport {
    issuesByStatus {
      status
      count {
        ...ReportCountFields
      }
    }
    proposalsSubmitted {
      ...ReportCountFields
    }
    decisions {
      decision
      count {
        ...ReportCountFields
      }
    }
    actionsDone {
      ...ReportCountFields
    }
    actionsOverdue {
      ...ReportCountFields
    }
    issues {
      issueId
      title
      status
      needs {
        ...ReportCountFields
      }
    }
  }
`);
