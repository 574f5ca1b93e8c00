/**
 * English strings only the write chunk needs (widget/src/write/): what the server or a backend says
 * when it refuses a write. No first screenful shows them, so threadline.js does not carry them; packed
 * catalogs of other languages carry them last (catalog-pack.ts), keyed once this module is here.
 */
export const enWrite = {
  'error.payload_too_large': 'Your comment is too large to send. Please shorten it.',
  'error.parent_not_found': 'The comment you are replying to no longer exists.',
  'error.parent_in_other_thread': 'The comment you are replying to belongs to another page.',
  'error.thread_locked': 'This discussion is closed to new comments.',
  'error.forbidden': 'Only the author can change this comment, from the browser it was written in.',
  'error.edit_window_closed': 'Comments can only be changed for a short while after posting.',
  'error.already_deleted': 'That comment was already deleted.',
  'error.comment_not_found': 'That comment no longer exists.',
  'error.spam_suspected': 'This looked automated and was not posted. If you are a person, wait a moment and post again.',
  'error.too_many_links': 'Your comment has too many links. Please remove some.',
  'error.too_deep': 'This conversation is nested too deeply to reply here. Reply further up instead.',
  'error.banned_content': 'Your comment contains words or links this site does not accept.',
  'error.banned': 'This site no longer accepts comments from you.',
  'error.pow_required': 'Your browser is still doing the anti-spam check. Wait a moment and post again; your text is still here.',
  'error.pow_invalid': 'The anti-spam check expired. Post again; your text is still here.',
  'error.rejected_by_moderation': 'This comment was not accepted by the site’s moderation. Your text is still here.',
  'error.anchor_on_reply': 'A reply cannot quote the article; it follows its thread.',
  'error.invalid_token': 'Your sign-in has expired. Sign in again; your text is still here.',
  'error.sign_in_required': 'Sign in to comment on this site. Your text is still here.',
  'error.name_reserved': 'That name belongs to a signed-in reader of this site. Please choose another.',
  'error.duplicate': 'You already posted this comment: it is on the page, or waiting for approval.',
  'error.identity_required': 'This site needs your name and email to post. Your text is still here.',
  'error.login_required': 'Only logged-in users may comment on this site. Your text is still here.',
  'error.refused': 'The site refused this comment: “{message}” Your text is still here.',
} as const;
