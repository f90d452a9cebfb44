import { z } from 'zod';

const zodJapanese = z.locales.ja().localeError;

/** zod's Japanese messages; a missing key reads "undefined was given" there, so say what a person would. */
export const japaneseErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? '必須の項目がありません' : zodJapanese(issue);
