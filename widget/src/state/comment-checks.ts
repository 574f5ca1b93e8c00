/** The server's limits, checked before sending so a reader hears at once what is wrong. */
import { BackendError } from '../backend/backend-error.ts';
import { countChars, LIMITS } from '../protocol/limits.ts';

/** Returns why a comment body would be refused (empty, or too long), else null. */
export function checkBody(body: string): BackendError | null {
  if (!body.trim()) return new BackendError('body_required', 'Write something before posting.', undefined, 'body');
  if (countChars(body.trim()) > LIMITS.bodyChars) {
    return new BackendError('body_too_long', `Longer than ${LIMITS.bodyChars} characters.`, undefined, 'body');
  }
  return null;
}

/** Returns the first rule a new comment breaks, with the same limits the server enforces. */
export function checkDraft(body: string, name: string, email = '', website = ''): BackendError | null {
  const problem = checkBody(body);
  if (problem) return problem;
  if (countChars(name.trim()) > LIMITS.nameChars) {
    return new BackendError('name_too_long', `Longer than ${LIMITS.nameChars} characters.`, undefined, 'author.name');
  }
  const mail = email.trim();
  if (mail && (mail.length > LIMITS.emailChars || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/.test(mail))) {
    return new BackendError('email_invalid', 'Not an email address.', undefined, 'author.email');
  }
  const site = website.trim();
  if (site && (site.length > LIMITS.websiteChars || !/^https?:\/\/\S+$/i.test(site))) {
    return new BackendError('website_invalid', 'Not an http(s) address.', undefined, 'author.website');
  }
  return null;
}
