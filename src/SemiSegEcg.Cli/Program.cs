Console.WriteLine("semiseg");
