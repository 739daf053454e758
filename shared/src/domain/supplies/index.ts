import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import { lonLatSchema } from '../region.js';

/**
 * Emergency supplies (应急物资): the item catalogue with its unit and the stock level under
 * which a warehouse counts as low on it (the wall's "supplies low" panel).
 */
export const SUPPLY_ITEMS = {
  tent: { unit: 'piece', lowAt: 20 },
  'cotton-coat': { unit: 'piece', lowAt: 50 },
  quilt: { unit: 'piece', lowAt: 50 },
  'folding-bed': { unit: 'piece', lowAt: 30 },
  sandbag: { unit: 'piece', lowAt: 1000 },
  'life-jacket': { unit: 'piece', lowAt: 50 },
  pump: { unit: 'set', lowAt: 3 },
  generator: { unit: 'set', lowAt: 2 },
  flashlight: { unit: 'piece', lowAt: 30 },
  'drinking-water': { unit: 'case', lowAt: 50 },
  'instant-food': { unit: 'case', lowAt: 50 },
} as const;
export type SupplyItem = keyof typeof SUPPLY_ITEMS;
export const supplyItemSchema = z.enum(Object.keys(SUPPLY_ITEMS) as [SupplyItem, ...SupplyItem[]]);

export type Stock = Partial<Record<SupplyItem, number>>;
const quantity = z.number().int().min(1).max(1_000_000);
const lineSchema = z.strictObject({ item: supplyItemSchema, quantity });
export type SupplyLine = z.infer<typeof lineSchema>;

/** Stock after taking `lines` out (sign −1) or putting them in (+1); never negative. Pure. */
export function moveStock(stock: Stock, lines: readonly SupplyLine[], sign: 1 | -1): Stock {
  const next: Stock = { ...stock };
  lines.forEach((l, i) => {
    const after = (next[l.item] ?? 0) + sign * l.quantity;
    if (after < 0) throw new DomainError('conflict', `only ${next[l.item] ?? 0} ${l.item} in stock`, `lines.${i}.quantity`);
    next[l.item] = after;
  });
  return next;
}

export const registerWarehouseSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  name: z.string().trim().min(1).max(60),
  townshipCode: z.string().regex(/^\d{12}$/).optional(),
  lonLat: lonLatSchema,
  keeper: z.string().trim().min(1).max(40),
  phone: z.string().trim().regex(/^[0-9+\- ]{3,20}$/),
  /** Opening stock, booked as a receipt. */
  stock: z.array(lineSchema).max(50).default([]),
});

export const receiveSuppliesSchema = z.strictObject({
  warehouseId: z.string().min(1).max(60),
  lines: z.array(lineSchema).min(1).max(50),
  note: z.string().trim().max(200).optional(),
});

export const allocateSuppliesSchema = z.strictObject({
  warehouseId: z.string().min(1).max(60),
  to: z.strictObject({ kind: z.enum(['shelter', 'team']), id: z.string().min(1).max(60) }),
  lines: z.array(lineSchema).min(1).max(50),
  note: z.string().trim().max(200).optional(),
});

export interface Warehouse {
  id: string;
  name: string;
  townshipCode?: string;
  lonLat: [number, number];
  keeper: string;
  phone: string;
  stock: Stock;
}

/** One stock movement; every one is in the journal, the latest ones in the read model. */
export interface SupplyMovement {
  seq: number;
  at: string;
  by: string;
  warehouseId: string;
  direction: 'in' | 'out';
  lines: SupplyLine[];
  to?: { kind: 'shelter' | 'team'; id: string };
  note?: string;
}

export interface SuppliesState {
  warehouses: Record<string, Warehouse>;
  /** Newest first, bounded. */
  movements: SupplyMovement[];
}
export const SUPPLY_MOVEMENTS_KEPT = 200;
export const initialSupplies = (): SuppliesState => ({ warehouses: {}, movements: [] });

export function reduceSupplies(state: SuppliesState, event: JournalEvent): SuppliesState {
  const movement = (m: Omit<SupplyMovement, 'seq' | 'at' | 'by'>): SupplyMovement[] =>
    [{ ...m, seq: event.seq, at: event.at, by: event.actor.user }, ...state.movements].slice(0, SUPPLY_MOVEMENTS_KEPT);
  switch (event.type) {
    case 'supply:warehouse-registered': {
      const { stock, ...w } = event.data as z.infer<typeof registerWarehouseSchema> & { id: string };
      const old = state.warehouses[w.id];
      const warehouse: Warehouse = { ...w, stock: moveStock(old?.stock ?? {}, stock, 1) };
      return { warehouses: { ...state.warehouses, [w.id]: warehouse }, movements: stock.length ? movement({ warehouseId: w.id, direction: 'in', lines: stock, note: 'opening stock' }) : state.movements };
    }
    case 'supply:received':
    case 'supply:allocated': {
      const d = event.data as z.infer<typeof allocateSuppliesSchema>;
      const old = state.warehouses[d.warehouseId];
      if (!old) return state;
      const out = event.type === 'supply:allocated';
      const warehouse = { ...old, stock: moveStock(old.stock, d.lines, out ? -1 : 1) };
      return {
        warehouses: { ...state.warehouses, [old.id]: warehouse },
        movements: movement({ warehouseId: old.id, direction: out ? 'out' : 'in', lines: d.lines, ...(d.to ? { to: d.to } : {}), ...(d.note ? { note: d.note } : {}) }),
      };
    }
    default:
      return state;
  }
}

export const suppliesSlice = defineSlice({ initial: initialSupplies, reduce: reduceSupplies });

/** Warehouse items at or below their low mark, for the wall. */
export function lowStock(state: SuppliesState): Array<{ warehouseId: string; item: SupplyItem; quantity: number; lowAt: number }> {
  const out: Array<{ warehouseId: string; item: SupplyItem; quantity: number; lowAt: number }> = [];
  for (const w of Object.values(state.warehouses)) {
    for (const [item, quantity] of Object.entries(w.stock) as Array<[SupplyItem, number]>) {
      const lowAt = SUPPLY_ITEMS[item].lowAt;
      if (quantity <= lowAt) out.push({ warehouseId: w.id, item, quantity, lowAt });
    }
  }
  return out;
}

const ROLES = ['commander', 'duty', 'admin'] as const;

function warehouseOf(state: { supplies: SuppliesState }, id: string): Warehouse {
  const w = state.supplies.warehouses[id];
  if (!w) throw new DomainError('not_found', `no warehouse ${id}`, 'warehouseId');
  return w;
}

export const registerWarehouse = defineCommand({
  type: 'supply:register-warehouse',
  summary: 'Register a supplies warehouse (应急物资仓库) with its opening stock',
  payload: registerWarehouseSchema,
  roles: ROLES,
  decide(state, p, ctx) {
    const id = p.id ?? ctx.newId('wh');
    if (state.supplies.warehouses[id] && p.stock.length > 0) throw new DomainError('conflict', `warehouse ${id} exists; receive stock instead`, 'stock');
    moveStock({}, p.stock, 1);
    return { events: [{ type: 'supply:warehouse-registered', data: { ...p, id } }], result: { id } };
  },
});

export const receiveSupplies = defineCommand({
  type: 'supply:receive',
  summary: 'Book supplies into a warehouse',
  payload: receiveSuppliesSchema,
  roles: ROLES,
  decide(state, p) {
    moveStock(warehouseOf(state, p.warehouseId).stock, p.lines, 1);
    return { events: [{ type: 'supply:received', data: p }] };
  },
});

export const allocateSupplies = defineCommand({
  type: 'supply:allocate',
  summary: 'Allocate supplies from a warehouse to a shelter or a team; refused beyond the stock',
  payload: allocateSuppliesSchema,
  roles: ['commander', 'admin'],
  decide(state, p) {
    const w = warehouseOf(state, p.warehouseId);
    const exists = p.to.kind === 'shelter' ? state.shelters.byId[p.to.id] : state.teams.byId[p.to.id];
    if (!exists) throw new DomainError('not_found', `no ${p.to.kind} ${p.to.id}`, 'to.id');
    moveStock(w.stock, p.lines, -1);
    return { events: [{ type: 'supply:allocated', data: p }] };
  },
});

export const supplyCommands: CommandDef[] = [registerWarehouse, receiveSupplies, allocateSupplies];
