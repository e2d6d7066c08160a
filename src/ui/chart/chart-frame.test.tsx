import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { PresentationProvider, type Presentation } from '../presentation.tsx';
import { ChartFrame } from './chart-frame.tsx';
import type { ChartDescription, ChartTable } from './chart-model.ts';

const description: ChartDescription = {
  id: 'test-chart',
  title: 'Trucks in',
  subtitle: 'trucks per day',
  sources: [{ name: 'Border Authority', licence: 'CC BY 4.0', verification: '60% verified' }],
  legend: [{ label: 'Food', colour: '#E69F00', shape: 'box' }],
  notes: ['Bars are the sum of the crossings chosen.'],
};
const table: ChartTable = {
  caption: 'Trucks in per day',
  columns: [{ label: 'Day' }, { label: 'Trucks', numeric: true }],
  rows: [{ key: 'd1', header: '1 Nov', cells: ['12'] }],
};

function frame(presentation: Presentation) {
  return renderWithApp(
    <PresentationProvider value={presentation}>
      <ChartFrame
        description={description}
        table={table}
        state="ready"
        notices={<p role="alert">15 records were rejected and are not shown.</p>}
      >
        <svg aria-label="the plot" />
      </ChartFrame>
    </PresentationProvider>,
  ).container;
}

describe('ChartFrame on the wall', () => {
  it('keeps title, subtitle, legend, source line and notices, and drops notes and the table', () => {
    const wall = frame('wall');
    expect(screen.getByRole('heading', { name: 'Trucks in' })).toBeInTheDocument();
    expect(screen.getByText('trucks per day')).toBeInTheDocument();
    expect(screen.getByText('Food')).toBeInTheDocument();
    expect(screen.getByText('Border Authority')).toBeInTheDocument();
    expect(screen.getByText(/60% verified/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('rejected');
    expect(screen.queryByText(description.notes[0]!)).not.toBeInTheDocument();
    expect(wall.querySelector('details, .chart__table, .chart__notes')).toBeNull();
    expect(wall.querySelector('section')).toHaveClass('chart--wall');
  });

  it('is unchanged on the page: notes and the table alternative are there', () => {
    const page = frame('page');
    expect(screen.getByText(description.notes[0]!)).toBeInTheDocument();
    expect(page.querySelector('details.chart__table')).not.toBeNull();
    expect(page.querySelector('section')).not.toHaveClass('chart--wall');
  });
});
