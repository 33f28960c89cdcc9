// The tracker's words as the server defines them (GET /api/v1/vocabulary): the stages with their
// labels and the stages that may follow each, the outcomes, channels and service types, and a
// vacancy's statuses, pay periods and types of contract. The
// pages keep no copy of them, so that what a form offers is what the server accepts.

import { api } from "./api.js";

let loaded = null;

// Resolves to a Vocabulary, asking the server once per page.
export function loadVocabulary() {
  loaded ??= api("/api/v1/vocabulary", { key: false }).then((body) => new Vocabulary(body));
  return loaded;
}

export class Vocabulary {
  constructor({
    stages,
    outcomes,
    channels,
    service_types: serviceTypes,
    vacancy_statuses: vacancyStatuses,
    pay_periods: payPeriods,
    employment_types: employmentTypes,
    field_labels: fieldLabels,
  }) {
    this.fieldLabels = fieldLabels;
    this.stages = stages;
    this.outcomes = outcomes;
    this.channels = channels;
    this.serviceTypes = serviceTypes;
    this.vacancyStatuses = vacancyStatuses;
    this.payPeriods = payPeriods;
    this.employmentTypes = employmentTypes;
    this.byStage = new Map(stages.map((s) => [s.name, s]));
    this.outcomeNames = new Set(outcomes.map((o) => o.name));
  }

  // The label of a record field, as the server's messages name it: "Date applied".
  fieldLabel(name) {
    return this.fieldLabels[name] ?? name;
  }

  stageLabel(name) {
    return this.byStage.get(name)?.label ?? name;
  }

  channelLabel(name) {
    return this.channels.find((c) => c.name === name)?.label ?? name;
  }

  serviceTypeLabel(name) {
    return this.serviceTypes.find((t) => t.name === name)?.label ?? name;
  }

  vacancyStatusLabel(name) {
    return this.vacancyStatuses.find((s) => s.name === name)?.label ?? name;
  }

  outcomeLabel(name) {
    return this.outcomes.find((o) => o.name === name)?.label ?? name;
  }

  // The stages that may be recorded after `name`, the usual next one first, as stage terms.
  nextSteps(name) {
    return (this.byStage.get(name)?.next ?? []).map((next) => this.byStage.get(next));
  }

  takesReason(name) {
    return Boolean(this.byStage.get(name)?.reason);
  }

  isOutcome(name) {
    return this.outcomeNames.has(name);
  }

  // The stages an applicant's own dates record ("applied_on", ...): every stage but the outcomes.
  datedStages() {
    return this.stages.filter((s) => !this.isOutcome(s.name));
  }
}
