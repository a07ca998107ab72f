/**
 * Messages between the fake link-initialize.js (in the app's page) and the fake Link page (in its
 * iframe). Types only: both sides are serialised to the browser as standalone functions.
 */

export const MESSAGE_SOURCE = 'plaid-link-emulator';

export interface LinkErrorShape {
  error_type: string;
  error_code: string;
  error_message: string;
  display_message: string | null;
}

export interface LinkInstitution {
  name: string;
  institution_id: string;
}

export interface LinkAccount {
  id: string;
  name: string;
  mask: string | null;
  type: string;
  subtype: string;
  verification_status: null;
  class_type: null;
}

export interface SuccessMetadata {
  institution: LinkInstitution | null;
  accounts: LinkAccount[];
  link_session_id: string;
  transfer_status: null;
  public_token: string;
}

export interface ExitMetadata {
  status: string | null;
  institution: LinkInstitution | null;
  link_session_id: string;
  request_id: string;
}

export interface EventMetadata {
  account_number_mask: string | null;
  error_type: string | null;
  error_code: string | null;
  error_message: string | null;
  exit_status: string | null;
  institution_id: string | null;
  institution_name: string | null;
  institution_search_query: string | null;
  is_update_mode: string | null;
  match_reason: string | null;
  mfa_type: string | null;
  routing_number: string | null;
  view_name: string | null;
  selection: string | null;
  timestamp: string;
  link_session_id: string;
  request_id: string;
}

export type FromLinkMessage =
  | { source: typeof MESSAGE_SOURCE; type: 'loaded' }
  | { source: typeof MESSAGE_SOURCE; type: 'event'; name: string; metadata: EventMetadata }
  | {
      source: typeof MESSAGE_SOURCE;
      type: 'success';
      publicToken: string;
      metadata: SuccessMetadata;
    }
  | {
      source: typeof MESSAGE_SOURCE;
      type: 'exit';
      error: LinkErrorShape | null;
      metadata: ExitMetadata;
    }
  | { source: typeof MESSAGE_SOURCE; type: 'redirect'; url: string };

export type ToLinkMessage =
  | { source: typeof MESSAGE_SOURCE; type: 'open' }
  | { source: typeof MESSAGE_SOURCE; type: 'exit'; force: boolean };
