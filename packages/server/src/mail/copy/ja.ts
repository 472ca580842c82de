import type { MailCopy } from './types.js';

/** Japanese, polite (desu/masu). */
export const ja: MailCopy = {
  lang: 'ja',
  space: '',
  discovery: { subject: 'サインイン用リンク', heading: '{{project_name}} にサインイン', button: 'サインイン' },
  login: {
    subject: '{{organization_name}} にサインイン',
    heading: '{{organization_name}} にサインイン',
    button: 'サインイン',
  },
  signup: {
    subject: '{{organization_name}} への参加',
    heading: '{{organization_name}} への参加を完了してください',
    button: '参加する',
  },
  invite: {
    subject: '{{organization_name}} への招待が届いています',
    heading: '{{organization_name}} への招待が届いています',
    heading_inviter: '{{inviter_name}} さんから {{organization_name}} への招待が届いています',
    button: '招待を承諾する',
  },
  code_login: {
    subject: '{{code}} は {{organization_name}} へのサインイン用コードです',
    heading: '{{organization_name}} へのサインイン用コード',
  },
  code_signup: {
    subject: '{{code}} は {{organization_name}} への参加用コードです',
    heading: '{{organization_name}} への参加用コード',
  },
  code_discovery: {
    subject: '{{code}} は組織へのサインイン用コードです',
    heading: '組織へのサインイン用コード',
  },
  password_reset: {
    subject: '{{organization_name}} のパスワードの再設定',
    heading: '{{organization_name}} のパスワードを再設定してください',
    button: 'パスワードを再設定する',
  },
  password_set: {
    subject: '{{organization_name}} のパスワードの設定',
    heading: '{{organization_name}} のパスワードを設定してください',
    button: 'パスワードを設定する',
  },
  password_reset_discovery: {
    subject: 'パスワードの再設定',
    heading: '{{project_name}} のパスワードを再設定してください',
    button: 'パスワードを再設定する',
  },
  password_set_discovery: {
    subject: 'パスワードの設定',
    heading: '{{project_name}} のパスワードを設定してください',
    button: 'パスワードを設定する',
  },
  common: {
    click: 'ボタンをクリックして続行してください。',
    open_link: '次のリンクを開いて続行してください：',
    fallback: 'または、このリンクをブラウザに貼り付けてください：',
    link_lifetime: 'このリンクは一度だけ使用でき、{{expires_in_minutes}} 分後に有効期限が切れます。',
    ignore: 'このメールに心当たりがない場合は、破棄してください。',
    code_prompt: 'コードをリクエストした画面で、次のコードを入力してください：',
    code_line: 'コード：{{code}}',
    code_lifetime: 'このコードは一度だけ使用でき、{{expires_in_minutes}} 分後に有効期限が切れます。',
    never_share: '組織の担当者がこのコードを尋ねることは決してありません。',
  },
};
