import type { DomainEvent } from '../../shared/domain/decider';

export const complaintChannels = ['phone', 'hotline', 'visit', 'letter', 'online', 'referral'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintSeverities = ['normal', 'serious', 'group'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

/** Personal data of the complainant (confidential: shown only to roles allowed to see it). */
export interface Complainant {
  name: string;
  phone?: string;
  /** Building / unit / flat. */
  address?: string;
}

/**
 * The complainant as stored: encrypted with the key of the data subject `subjectId`, which is kept
 * outside the event stream. Erasing the subject destroys the key, never the event.
 */
export interface SealedComplainant {
  subjectId: string;
  /** `v1.` and base64url of IV, GCM tag and ciphertext. */
  sealed: string;
}

export type ComplaintReceived = DomainEvent<
  'ComplaintReceived',
  {
    complaintId: string;
    channel: ComplaintChannel;
    complainant: SealedComplainant;
    location?: string;
    subject: string;
    description: string;
    severity: ComplaintSeverity;
    receivedAt: string;
    /** Employees the complaint is about, when the clerk knows them at receipt. */
    concernsEmployeeIds: string[];
  }
>;

export type ComplaintEvent = ComplaintReceived;
export const complaintEventTypes = ['ComplaintReceived'] as const;

/** A data subject's key was destroyed: their personal data in complaints can no longer be read. */
export type ComplainantErased = DomainEvent<'ComplainantErased', { subjectId: string; reason: string; erasedAt: string }>;
