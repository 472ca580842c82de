import { html, type TemplateResult } from 'lit';
import { format } from '../../../i18n/format.js';
import { copyStatus, heading, type Screen } from './factor-parts.js';
import type { FactorView } from './factor-view.js';

/** The text the codes are copied and downloaded as: a title line, then one code per line. */
export function recoveryCodesText(codes: readonly string[], title: string): string {
  return `${title}\n\n${codes.join('\n')}\n`;
}

/**
 * The recovery codes after enrolment, shown this once: the list, "Copy codes", "Download as text",
 * and "I saved my codes" to go on. Focus starts on the heading, so the intro is read first.
 */
export function renderRecoveryCodesScreen(s: Screen<'recovery-codes'>, view: FactorView): TemplateResult {
  const m = view.messages;
  const title = format(m['codes.fileTitle'], { organization: s.organizationName }).join('');
  return html`
    ${heading(m['codes.heading'])}
    <p class="intro" part="intro">${m['codes.intro']}</p>
    <ol class="codes" part="recovery-codes" aria-label=${m['codes.listLabel']}>
      ${s.codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ol>
    <div class="actions">
      <div class="code-actions">
        <button class="secondary" part="secondary-button copy-button" type="button" @click=${() => view.copy(recoveryCodesText(s.codes, title), 'codes')}>${m['codes.copy']}</button>
        <button class="secondary" part="secondary-button download-button" type="button" @click=${() => view.downloadCodes(s.codes, s.organizationName)}>${m['codes.download']}</button>
      </div>
      ${copyStatus(view, 'codes')}
      <button class="primary" part="submit-button" type="button" @click=${() => view.finishRecoveryCodes()}>${m['codes.continue']}</button>
    </div>
  `;
}
