/** Room names, from one place. Sockets join `LIVE` once their replay has caught up with the head. */
export const rooms = {
  live: 'live',
} as const;
