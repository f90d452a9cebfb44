import type { LedgerRecipient, LedgerSend } from '../model/ledger';
import { TABLE_LABELS } from '../model/table-names';
import { addresseeLabel } from './recipients';

/** The sheet a section's workbook opens on: what is asked, how to change, add and delete rows, and what not to touch. */

export const INSTRUCTIONS_SHEET_NAME = '記入のしかた';

/** A date as the secretariat writes it, on the city's calendar: 2025年4月1日. */
export function japaneseDate(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso));
}

/** With `problemsSheet`, the workbook is an answer sent back: a first block says where the problems are explained. */
export function instructionRows(send: LedgerSend, recipient: LedgerRecipient, inputRows: number, problemsSheet?: string): string[][] {
  const sheet = TABLE_LABELS[recipient.table];
  const unit = recipient.table === 'council' ? '貴会' : recipient.section ? '貴課' : '貴部';
  const blanks = recipient.table === 'city' ? '部・課を空けた行は、この照会の宛先の部・課の取組として受け取ります。' : '';
  const sentBack = problemsSheet
    ? [
        [],
        ['確認をお願いしたいこと', ''],
        ['1', `ご回答に確かめたいところがありました。黄色のセルと、シート「${problemsSheet}」に書いた内容を見て、直してから返送してください。`],
      ]
    : [];
  return [
    [problemsSheet ? '計画に基づく取組事業一覧の照会　回答の確認' : '計画に基づく取組事業一覧の照会　記入のしかた'],
    ...sentBack,
    [],
    ['照会の内容', ''],
    ['宛先', addresseeLabel(recipient)],
    ['送付日', japaneseDate(send.sentAt)],
    ['記入するシート', `「${sheet}」（${unit}の取組 ${recipient.rows.length} 件）`],
    [],
    ['内容を変えるとき', ''],
    ['1', `シート「${sheet}」の行は、${unit}の取組を取組事業一覧と同じ形で並べたものです。変わったところのセルを直接書き換えてください。`],
    ['2', '○は、目指す地域像・基本的な考え方の各列のセルを選び、一覧から ○ を選びます。外すときはセルを空にします。'],
    [],
    ['取組を加えるとき', ''],
    ['1', `表の下の空き行（${inputRows} 行）に書いてください。通し番号は空けたままでかまいません。足りないときは行を挿入してください。`],
    ...(blanks ? [['2', blanks]] : []),
    [],
    ['取組をやめるとき', ''],
    ['1', '行の内容（部・課・主な取組・取組概要・○）をすべて消してください（行を削除してもかまいません）。事務局が確かめてから一覧から外します。'],
    [],
    ['変えないでください', ''],
    ['1', '見出しの行（基本理念・目指す地域像・基本的な考え方）と通し番号は変えないでください。見出しは保護してあります。'],
    ['2', '非表示の「行ID」列と、非表示のシート（構造・提出情報）は、回答を取組事業一覧の行と照らし合わせるのに使います。消したり書き換えたりしないでください。'],
    [],
    ['返送のしかた', ''],
    ['1', 'このブックを保存し、ファイルのまま返送してください。Excel のほか LibreOffice で編集しても、.xls で保存し直してもかまいません。'],
  ];
}
