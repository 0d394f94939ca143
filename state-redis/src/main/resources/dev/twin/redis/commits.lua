-- Several commits in one call (a group commit: those made while the call before was on its way), applied one after
-- the other as commit.lua applies each, each all or nothing on its own; the replies, in order, as commit.lua's.
-- ARGV: prefix, commit count, then per commit: the count of its arguments, and its arguments after the prefix
--       (tenant, known epoch, ...: commit.lua's)
local replies = {}
local i = 3
for c = 1, tonumber(ARGV[2]) do
  local n = tonumber(ARGV[i])
  local args = {ARGV[1]}
  for j = 1, n do
    args[j + 1] = ARGV[i + j]
  end
  replies[c] = commit(args)
  i = i + n + 1
end
return replies
