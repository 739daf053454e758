import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { moveStock, type Stock, type SupplyLine } from './index.js';

describe('stock never goes negative', () => {
  const stock: Stock = { tent: 10, sandbag: 500 };
  it.each<[string, SupplyLine[], 1 | -1, Stock]>([
    ['takes out', [{ item: 'tent', quantity: 10 }], -1, { tent: 0, sandbag: 500 }],
    ['puts in a new item', [{ item: 'pump', quantity: 2 }], 1, { tent: 10, sandbag: 500, pump: 2 }],
    ['takes several lines', [{ item: 'tent', quantity: 4 }, { item: 'sandbag', quantity: 100 }], -1, { tent: 6, sandbag: 400 }],
  ])('%s', (_name, lines, sign, expected) => expect(moveStock(stock, lines, sign)).toEqual(expected));

  it.each<[string, SupplyLine[], string]>([
    ['more than in stock', [{ item: 'tent', quantity: 11 }], 'lines.0.quantity'],
    ['an item not in stock', [{ item: 'pump', quantity: 1 }], 'lines.0.quantity'],
    ['the same item twice, beyond the stock together', [{ item: 'tent', quantity: 6 }, { item: 'tent', quantity: 6 }], 'lines.1.quantity'],
  ])('refuses %s', (_name, lines, field) => {
    try {
      moveStock(stock, lines, -1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
    expect(stock).toEqual({ tent: 10, sandbag: 500 });
  });
});
