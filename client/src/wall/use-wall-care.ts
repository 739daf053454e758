import { computed, reactive, type Ref } from 'vue';
import { useRoute } from 'vue-router';
import { burnInOffset, isNight, parseNightSetting } from './wall-care';

/** Night mode (?night=on|off|auto, default auto by CST hours) and the burn-in pixel shift. */
export function useWallCare(now: Readonly<Ref<number>>) {
  const route = useRoute();
  const setting = computed(() => parseNightSetting(route.query.night));
  const night = computed(() => isNight(now.value, setting.value));
  const style = computed(() => {
    const { x, y } = burnInOffset(now.value);
    // `translate` moves whole pixels of an unscaled layout: nothing is stretched or blurred.
    return { translate: `${x}px ${y}px` };
  });
  return reactive({ night, style });
}
