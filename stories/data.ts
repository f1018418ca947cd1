import type { Decorator } from '@storybook/react-vite';
import { createElement } from 'react';
import { createMockAdapter, type MockAdapterOptions } from '../src/mock/index';

/** Stories share the tests' clock, so what a designer sees is the same on every machine and day. */
export const STORY_NOW = Date.UTC(2026, 10, 1);

/** A seeded mock backend for stories. */
export function storyAdapter(options: MockAdapterOptions = {}) {
  return createMockAdapter({ seed: 42, count: 5_000, now: STORY_NOW, latencyMs: [40, 120], ...options });
}

/** The viewer fills its parent: stories give it a frame of a real height. */
export function frame(height: number | string, width?: number): Decorator {
  const Frame: Decorator = (Story) => createElement('div', { style: { height, width } }, createElement(Story));
  return Frame;
}

/** What every viewer story shares. */
export const viewerStory = {
  argTypes: { adapter: { control: false }, queryClient: { control: false } },
  parameters: { layout: 'fullscreen' },
} as const;
