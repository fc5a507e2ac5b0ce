import { BadRequestException, Param, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './identifier';

class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw new BadRequestException({ statusCode: 400, code: 'invalid_input', message: [`${this.name} must be 1-64 letters, digits, "-", "_" or "."`] });
    }
    return value;
  }
}

/** A path parameter that must be an id. */
export const IdParam = (name: string) => Param(name, new IdPipe(name));
