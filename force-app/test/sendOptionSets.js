/*
 * The send options a rep is offered, in order and with the labels they read (DESIGN §2.2): the
 * expected answer of c/sendOptions' rules and of the step editor's radio group alike.
 */

/** For the campaign's first email step. */
export const FIRST_SET = [
  { value: 'Choose_At_Launch', label: 'I will choose when to send this email' },
  { value: 'At_Time', label: 'Send this email at the following time' },
  { value: 'Manual_Task', label: 'Create a task; I will send this email myself' },
];

/** For every later email step. */
export const LATER_SET = [
  {
    value: 'Same_Time_As_Previous',
    label: 'Send this email at the same time as the previous email in this campaign',
  },
  { value: 'At_Time', label: 'Send this email at the following time' },
  { value: 'Manual_Task', label: 'Create a task; I will send this email myself' },
  { value: 'Thread_Previous', label: 'Thread this email to the previous email' },
];
