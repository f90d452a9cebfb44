import type { Rule } from '../rule';
import { duplicateRow, duplicateTitle } from './duplicates';
import { marksRequired } from './marks';
import { printFit } from './print-fit';
import { blankListEntry, departmentInMaster, sectionBelongsToDepartment, sectionExpected, sectionInMaster } from './masters';
import { councilHasNoDepartments, departmentRequired, summaryRequired, titleRequired } from './required-fields';
import {
  controlChars,
  doubledCharacters,
  halfwidthKana,
  outerSpaces,
  punctuationConvention,
  sentenceEnd,
  strayLineBreaks,
} from './text-hygiene';

/** Every rule, in the order their problems are listed. */
export const ALL_RULES: readonly Rule[] = [
  titleRequired,
  summaryRequired,
  departmentRequired,
  councilHasNoDepartments,
  marksRequired,
  departmentInMaster,
  sectionInMaster,
  sectionBelongsToDepartment,
  sectionExpected,
  blankListEntry,
  duplicateRow,
  duplicateTitle,
  outerSpaces,
  controlChars,
  halfwidthKana,
  strayLineBreaks,
  punctuationConvention,
  sentenceEnd,
  doubledCharacters,
  printFit,
];
