import { IsText } from '../../shared/http/identifier';

export class EraseComplainantDto {
  @IsText(2000, 'The complainant asked for their data to be erased (request R-17)') reason!: string;
}
