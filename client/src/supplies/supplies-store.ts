import { computed } from 'vue';
import { lowStock, type Warehouse } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Supplies (应急物资): warehouses, stock and the latest movements. */
export const useSuppliesStore = defineSliceStore('supplies', (state) => ({
  warehouses: computed<Warehouse[]>(() => Object.values(state.value.warehouses).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))),
  movements: computed(() => state.value.movements),
  low: computed(() => lowStock(state.value)),
}));
