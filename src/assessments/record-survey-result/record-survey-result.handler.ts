import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { ASSESSMENT_CONTEXT } from '../../rulebook/assessment-context.port';
import type { AssessmentContextSource } from '../../rulebook/assessment-context.port';
import type { StateOf } from '../../shared/domain/decider';
import { EVENT_STORE, streamName } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { AssessmentCommandHandler } from '../assessment-command.handler';
import { surveyDecider } from '../domain/assessment.deciders';
import type { RecordSurveyResult } from '../domain/assessment.deciders';
import type { SurveyResultRecorded } from '../domain/assessment.events';
import { RecordSurveyResultCommand } from './record-survey-result.command';

@CommandHandler(RecordSurveyResultCommand)
export class RecordSurveyResultHandler extends AssessmentCommandHandler<RecordSurveyResult, SurveyResultRecorded, StateOf<typeof surveyDecider>> {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(CLOCK) clock: Clock, @Inject(ASSESSMENT_CONTEXT) assessment: AssessmentContextSource) {
    super(store, clock, assessment, { decider: surveyDecider, streamOf: (command) => streamName('survey', command.data.surveyId), occurredAt: (event) => event.data.surveyedAt });
  }
}
