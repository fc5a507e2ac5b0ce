import { Module } from '@nestjs/common';
import { RulebookVersionsController } from './read-rulebook/rulebook-versions.controller';
import { PublishRulebookVersionController } from './publish-rulebook-version/publish-rulebook-version.controller';
import { PublishRulebookVersionHandler } from './publish-rulebook-version/publish-rulebook-version.handler';
import { PublishDefaultRulebookOnFirstStart } from './publish-default-rulebook/publish-default-rulebook.service';

@Module({
  controllers: [PublishRulebookVersionController, RulebookVersionsController],
  providers: [PublishRulebookVersionHandler, PublishDefaultRulebookOnFirstStart],
})
export class RulebookModule {}
