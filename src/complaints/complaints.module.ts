import { checkEmbeddedFile } from '../shared/observability/embedded-files';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { ComplaintLifecycleController } from './complaint-lifecycle/complaint-lifecycle.controller';
import { ComplaintLifecycleHandler } from './complaint-lifecycle.handler';
import { EraseComplainantController } from './erase-complainant/erase-complainant.controller';
import { EraseComplainantHandler } from './erase-complainant/erase-complainant.handler';
import { GetComplaintController } from './get-complaint/get-complaint.controller';
import { GetComplaintHandler } from './get-complaint/get-complaint.handler';
import { ComplainantPrivacy } from './privacy/complainant-privacy.service';
import { SqliteSubjectKeyStore } from './privacy/sqlite-subject-key-store';
import { SUBJECT_KEY_STORE } from './privacy/subject-key-store.port';
import type { SubjectKeyStore } from './privacy/subject-key-store.port';
import { ReceiveComplaintController } from './receive-complaint/receive-complaint.controller';

@Module({
  controllers: [ReceiveComplaintController, ComplaintLifecycleController, GetComplaintController, EraseComplainantController],
  providers: [
    { provide: SUBJECT_KEY_STORE, useFactory: (config: AppConfig) => new SqliteSubjectKeyStore(checkEmbeddedFile(path.join(config.dataDir, 'subject-keys.sqlite'))), inject: [APP_CONFIG] },
    ComplainantPrivacy,
    ComplaintLifecycleHandler,
    EraseComplainantHandler,
    GetComplaintHandler,
  ],
  exports: [ComplainantPrivacy],
})
export class ComplaintsModule implements OnApplicationShutdown {
  constructor(@Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.keys.close();
  }
}
