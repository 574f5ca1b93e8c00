/** The moderation page's entry: served at /admin by the server, never loaded by readers. */
import { render } from 'preact';
import { AdminApp } from './AdminApp.tsx';
import css from './admin.css?inline';
import { createAdminModel } from './admin-model.ts';

const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
document.adoptedStyleSheets = [sheet];
const model = createAdminModel();
render(<AdminApp model={model} />, document.getElementById('admin')!);
if (model.token.value) void model.load();
