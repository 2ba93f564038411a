import { readScenario } from '../src-main/core/scenario-files';
import { SimSource } from '../src-main/core/sources/sim/sim-source';
const speed = Number(process.env.SPEED ?? 3600);
let now = 0; const timers: { every: number; due: number; cb: () => void }[] = [];
const wallClock = { now: () => now, every(ms: number, cb: () => void) { const t = { every: ms, due: now + ms, cb }; timers.push(t); return () => {}; } };
const source = new SimSource(readScenario('scale-1000'), { wallClock, paused: false, speed, frameMs: 250 } as never);
const sizes: Record<string, number> = {};
const add = (k: string, v: unknown) => { sizes[k] = (sizes[k] ?? 0) + JSON.stringify(v ?? null).length; };
let frames = 0;
source.onUpdate((u) => {
  frames++;
  for (const [k, v] of Object.entries(u)) if (k !== 'inventory') add(k, v);
  const inv = u.inventory as Record<string, any> | undefined;
  if (!inv) return;
  for (const [c, d] of Object.entries(inv)) {
    if (typeof d !== 'object' || d === null) continue;
    add(`inv.${c}.upserted`, d.upserted); add(`inv.${c}.removed`, d.removed); add(`inv.${c}.order`, d.order);
    for (const p of d.patched ?? []) { add(`inv.${c}.patch.set`, p.set); for (const [f, l] of Object.entries(p.lists ?? {}) as any) { add(`inv.${c}.${f}.upserted`, l.upserted); add(`inv.${c}.${f}.patched`, l.patched); add(`inv.${c}.${f}.removed`, l.removed); add(`inv.${c}.${f}.order`, l.order); } }
  }
});
const snap = source.snapshot();
for (const [k, v] of Object.entries(snap)) console.log('snapshot', k, JSON.stringify(v ?? null).length);
for (const [k, v] of Object.entries(snap.inventory)) console.log('snapshot.inventory', k, JSON.stringify(v ?? null).length);
source.start();
for (let i = 0; i < 40; i++) { now += 250; for (const t of timers) while (t.due <= now) { t.due += t.every; t.cb(); } }
source.stop();
for (const [k, v] of Object.entries(sizes).sort((a, b) => b[1] - a[1])) console.log(k, Math.round(v / frames));
