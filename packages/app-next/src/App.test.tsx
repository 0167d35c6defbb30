import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(30_000);

describe('App', () => {
  it('loads its features and asks for the guest sign-in first', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    // createApp resolves every feature before it renders anything; the
    // browser test (e2e/next.mjs) goes past the sign-in.
    render(App.createRoot());

    expect(
      await screen.findByText('Guest', undefined, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.queryByText('Twelve-Factor')).not.toBeInTheDocument();
  });
});
