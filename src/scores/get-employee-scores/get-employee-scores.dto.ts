import { IsMonth } from '../../shared/http/month';
import { ReadQueryDto } from '../../shared/http/read-query.dto';

export class GetEmployeeScoresDto extends ReadQueryDto {
  @IsMonth('First month, default 11 months before `to`') from?: string;
  @IsMonth('Last month, default the current month in the company time zone') to?: string;
}
