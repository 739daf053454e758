import { ref } from 'vue';
import { sendCommand } from '../realtime/connection';

/** Sends a command and keeps its last error message for the form to show. */
export function useWarningCommand() {
  const error = ref<string | null>(null);
  const busy = ref(false);
  async function run(type: string, payload: unknown): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      const ack = await sendCommand(type, payload);
      if (!ack.ok) error.value = ack.error.message;
      return ack.ok;
    } finally {
      busy.value = false;
    }
  }
  return { run, error, busy };
}
