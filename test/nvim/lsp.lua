-- Neovim (0.7+) as a second real LSP client of the k8s-dns language server, headless.
--
--   SERVER=out/cli.js FILE=/tmp/ws/services.yaml \
--     nvim --headless --clean -n -c 'luafile test/nvim/lsp.lua'
--
-- SERVER is out/cli.js (started as `cli.js lsp --stdio`) or out/server.js (`server.js --stdio`);
-- NODE is the node binary (default `node`); FILE is a copy of examples/kiada/services.yaml.
-- Prints one PASS or FAIL line per check and exits 0 only when every check passed.
-- 0.7 has no vim.lsp.start (0.8+), hence start_client + buf_attach_client.

local TIMEOUT = tonumber(os.getenv('K8S_DNS_NVIM_TIMEOUT_MS') or '') or 10000
local failed = 0

local function out(s) io.stdout:write(s .. '\n') end
local function pass(what) out('PASS ' .. what) end
local function fail(what, why)
  failed = failed + 1
  out('FAIL ' .. what .. (why and (': ' .. why) or ''))
end
local function finish(client_id)
  if client_id then vim.lsp.stop_client(client_id) end
  out(failed == 0 and 'OK' or ('FAILED ' .. failed))
  io.stdout:flush()
  if failed == 0 then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local server, file = os.getenv('SERVER'), os.getenv('FILE')
if not server or not file then
  fail('setup', 'set SERVER and FILE')
  return finish()
end
local cmd = { os.getenv('NODE') or 'node', server }
if server:match('cli%.js$') then table.insert(cmd, 'lsp') end
table.insert(cmd, '--stdio')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'yaml'

local id = vim.lsp.start_client({
  name = 'k8s-dns',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
if not id then
  fail('start', table.concat(cmd, ' '))
  return finish()
end
vim.lsp.buf_attach_client(buf, id)

local initialized = vim.wait(TIMEOUT, function()
  local c = vim.lsp.get_client_by_id(id)
  return c ~= nil and c.initialized
end, 20)
if not initialized then
  fail('initialize', 'no initialized client within ' .. TIMEOUT .. ' ms')
  return finish(id)
end
local client = vim.lsp.get_client_by_id(id)
pass('initialize: ' .. table.concat(cmd, ' '))

-- The first `name: quote` line: the quote Service's name.
local row, col
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local s = line:find('name: quote%s*$')
  if s then row, col = i - 1, s + #'name: ' - 1; break end
end
if not row then
  fail('fixture', 'no "name: quote" line in ' .. file)
  return finish(id)
end

local td = { uri = vim.uri_from_bufnr(buf) }
local function request(method, params)
  local r, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  if not r then return nil, err or 'timeout' end
  local res = r[id]
  if not res then return nil, 'no response' end
  if res.err then return nil, vim.inspect(res.err) end
  return res.result
end

-- Hover on the Service's name.
local hover, herr = request('textDocument/hover', { textDocument = td, position = { line = row, character = col + 1 } })
local text = hover and hover.contents and (hover.contents.value or hover.contents) or nil
if type(text) ~= 'string' then
  fail('hover', herr or ('no markdown contents: ' .. vim.inspect(hover)))
else
  local missing = {}
  for _, want in ipairs({ 'quote.kiada.svc.cluster.local.', '10.96.161.97' }) do
    if not text:find(want, 1, true) then table.insert(missing, want) end
  end
  if #missing == 0 then
    pass('hover at ' .. row .. ':' .. (col + 1) .. ' shows quote.kiada.svc.cluster.local. and 10.96.161.97')
  else
    fail('hover', 'missing ' .. table.concat(missing, ', ') .. ' in: ' .. text)
  end
end

-- Go to definition from the DNS name in the ConfigMap's URL to the quote Service's name.
local urow, ucol
for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local s = line:find('quote.kiada:80', 1, true)
  if s then urow, ucol = i - 1, s; break end
end
local defs, derr = request('textDocument/definition', { textDocument = td, position = { line = urow or 0, character = ucol or 0 } })
local d = defs and (defs[1] or defs) or nil
if d and d.range and d.range.start.line == row and d.range.start.character == col then
  pass('definition of quote.kiada in a URL is the quote Service at ' .. row .. ':' .. col)
else
  fail('definition', derr or ('unexpected: ' .. vim.inspect(defs)))
end

-- The code lenses above each Service, and the command they run.
local lenses, lerr = request('textDocument/codeLens', { textDocument = td })
local resolve, summary
for _, l in ipairs(lenses or {}) do
  local c = l.command or {}
  if c.title == 'Resolve' and c.command == 'k8sDns.resolve' and c.arguments and c.arguments[1]
    and c.arguments[1].name == 'quote' then resolve = c end
  if type(c.title) == 'string' and c.title:find('quote.kiada.svc.cluster.local', 1, true) == 1 then summary = c.title end
end
if not resolve then
  fail('codeLens', lerr or ('no Resolve lens for quote in ' .. vim.inspect(lenses)))
elseif not summary then
  fail('codeLens', 'no FQDN lens for quote in ' .. vim.inspect(lenses))
else
  pass('codeLens: Resolve (k8sDns.resolve) and "' .. summary .. '"')
  -- Run the lens's command the way an editor would.
  local result, eerr = request('workspace/executeCommand', { command = resolve.command, arguments = resolve.arguments })
  local t = result and result.text or ''
  if t:find('status: NOERROR', 1, true) and t:find('10.96.161.97', 1, true) then
    pass('executeCommand k8sDns.resolve answers NOERROR with 10.96.161.97')
  else
    fail('executeCommand', eerr or ('unexpected result: ' .. vim.inspect(result)))
  end
end

finish(id)
