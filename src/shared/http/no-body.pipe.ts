import { BadRequestException, PipeTransform } from '@nestjs/common';

/** For a command that takes nothing: a body with any field is refused (400) rather than ignored. */
export class NoBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    const empty = value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    if (!empty) {
      const message = 'body: this command takes no body (send none, or {})';
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', code: 'invalid_input', message: [message], fields: [{ field: 'body', rules: { empty: message } }] });
    }
    return undefined;
  }
}
