import { Module } from '@nestjs/common';
import { PublishRulebookVersionController } from './publish-rulebook-version/publish-rulebook-version.controller';
import { PublishRulebookVersionHandler } from './publish-rulebook-version/publish-rulebook-version.handler';

@Module({
  controllers: [PublishRulebookVersionController],
  providers: [PublishRulebookVersionHandler],
})
export class RulebookModule {}
