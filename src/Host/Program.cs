using Affairs.Host.Cli;

return await AffairsCli.RunAsync(args);
