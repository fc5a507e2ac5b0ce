import { Injectable } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { COMMAND_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';

type CommandType = new (...args: never[]) => object;

/**
 * Turns a command into a record (its class name and its own fields) and back, for every command
 * some handler of the app handles: a parked command is re-executed as the same command.
 */
@Injectable()
export class CommandTypes {
  private types?: Map<string, CommandType>;

  constructor(private readonly modules: ModulesContainer) {}

  static record(command: object): { type: string; payload: Record<string, unknown> } {
    return { type: command.constructor.name, payload: JSON.parse(JSON.stringify(command)) as Record<string, unknown> };
  }

  rebuild(record: { type: string; payload: Record<string, unknown> }): object {
    const type = this.known().get(record.type);
    if (!type) throw new Error(`no handler handles commands of type ${record.type}`);
    return Object.assign(Object.create(type.prototype as object) as object, record.payload);
  }

  private known(): Map<string, CommandType> {
    if (this.types) return this.types;
    const types = new Map<string, CommandType>();
    for (const module of this.modules.values()) {
      for (const wrapper of module.providers.values()) {
        const metatype = wrapper.metatype as unknown;
        if (typeof metatype !== 'function') continue;
        const command = Reflect.getMetadata(COMMAND_HANDLER_METADATA, metatype) as CommandType | undefined;
        if (command) types.set(command.name, command);
      }
    }
    this.types = types;
    return types;
  }
}
