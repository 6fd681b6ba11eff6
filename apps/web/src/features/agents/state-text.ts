/** One agent's state in words (singular: "Disponibile", not the tiles' "Disponibili") and as an icon. */
export const STATE_TEXT = {
  available: 'stateAvailable', on_contact: 'stateOnContact', wrap_up: 'stateWrapUp', not_ready: 'stateNotReady', offline: 'stateOffline',
} as const;
export const STATE_ICON = { available: '●', on_contact: '☎', wrap_up: '✎', not_ready: '‖', offline: '○' } as const;
