import { Module } from '@nestjs/common';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { AuthModule } from './auth/auth.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { ConsequencesModule } from './consequences/consequences.module';
import { DeductionsModule } from './deductions/deductions.module';
import { EmployeeRecordsModule } from './employee-records/employee-records.module';
import { IntegrityModule } from './integrity/integrity.module';
import { EmployeesModule } from './employees/employees.module';
import { StaffDirectoryModule } from './staff-directory/staff-directory.module';
import { HealthController } from './health/health.controller';
import { ParkedEventsController } from './health/parked-events.controller';
import { OverdueModule } from './overdue/overdue.module';
import { ScoresModule } from './scores/scores.module';
import { ParkedConsequencesModule } from './parked-consequences/parked-consequences.module';
import { ServiceLevelsModule } from './service-levels/service-levels.module';
import { IdempotencyInterceptor } from './shared/http/idempotency.interceptor';
import { InfrastructureModule } from './shared/infrastructure/infrastructure.module';
import { createProjections } from '../projections';
import { eventSchemas } from './event-schemas';
import { LoggingModule } from './shared/observability/logging.module';
import { TalksModule } from './talks/talks.module';
import { TicketsModule } from './tickets/tickets.module';
import { RulebookModule } from './rulebook/rulebook.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { PoliciesModule } from './policies/policies.module';
import { PeriodsModule } from './periods/periods.module';
import { PeriodScoresModule } from './periods/period-scores/period-scores.module';

@Module({
  imports: [
    LoggingModule,
    InfrastructureModule.forRoot({ projections: (config) => createProjections({ timeZone: config.timeZone }), eventSchemas }),
    AuthModule,
    ServiceLevelsModule,
    ParkedConsequencesModule,
    PoliciesModule,
    EmployeesModule,
    StaffDirectoryModule,
    ComplaintsModule,
    TicketsModule,
    DeductionsModule,
    ConsequencesModule,
    ScoresModule,
    OverdueModule,
    AuditTrailModule,
    EmployeeRecordsModule,
    IntegrityModule,
    TalksModule,
    RulebookModule,
    AssessmentsModule,
    PeriodsModule,
    PeriodScoresModule,
  ],
  controllers: [HealthController, ParkedEventsController],
  providers: [IdempotencyInterceptor],
})
export class AppModule {}
