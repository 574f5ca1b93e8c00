/** The moderation page's entry: served at /admin by the server, never loaded by readers. */
import { render } from 'preact';
import { AdminApp } from './AdminApp.tsx';
import css from './admin.css?inline';
import { createAdminTranslator, pickAdminLanguage } from './admin-messages.ts';
import { createAdminModel } from './admin-model.ts';

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [sheet];
// In the moderator's language: the first of the browser's languages the page speaks.
const tr = createAdminTranslator(pickAdminLanguage(navigator.languages ?? []));
document.documentElement.lang = tr.lang;
document.title = tr.t('title');
const model = createAdminModel(tr);
render(<AdminApp model={model} tr={tr} />, document.getElementById('admin')!);
if (model.token.value) void model.signIn(model.token.value);
